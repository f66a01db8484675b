<?xml version="1.0" encoding="UTF-8"?>
<!--
  notice.xsl: the status changes of residents' requests (notice.c): the
  name of each status by kind, an object's history on its tracking page
  (with who made each change on admin pages), and the person's own list
  on 我的蓝码. Every feature with a tracking page imports it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <!-- What kind of request it is. -->
  <xsl:template name="notice-kind">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'hazard'">隐患曝光</xsl:when>
      <xsl:when test="$kind = 'training'">预约培训</xsl:when>
      <xsl:when test="$kind = 'visit'">预约参观消防站</xsl:when>
      <xsl:when test="$kind = 'aid'">烧伤救助申请</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Where its tracking page is. -->
  <xsl:template name="notice-href">
    <xsl:param name="kind"/>
    <xsl:param name="ref"/>
    <xsl:param name="status"/>
    <xsl:choose>
      <!-- one's addition to a report: its public page, by its id -->
      <xsl:when test="$kind = 'hazard' and $status = 'added'">/hazards/<xsl:value-of select="$ref"/></xsl:when>
      <xsl:when test="$kind = 'hazard'">/hazards/r/<xsl:value-of select="$ref"/></xsl:when>
      <xsl:when test="$kind = 'training'">/training/r/<xsl:value-of select="$ref"/></xsl:when>
      <xsl:when test="$kind = 'visit'">/visits/b/<xsl:value-of select="$ref"/></xsl:when>
      <xsl:when test="$kind = 'aid'">/aid/r/<xsl:value-of select="$ref"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The name of a status, by its kind. -->
  <xsl:template name="notice-status">
    <xsl:param name="kind"/>
    <xsl:param name="status"/>
    <xsl:choose>
      <!-- visits -->
      <xsl:when test="$kind = 'visit' and $status = 'booked'">已预约</xsl:when>
      <xsl:when test="$kind = 'visit' and $status = 'cancelled'">已取消</xsl:when>
      <xsl:when test="$kind = 'visit' and $status = 'attended'">已参观</xsl:when>
      <xsl:when test="$kind = 'visit' and $status = 'absent'">未到场</xsl:when>
      <xsl:when test="$kind = 'visit' and $status = 'slot-cancelled'">时段取消</xsl:when>
      <!-- hazard reports -->
      <xsl:when test="$kind = 'hazard' and $status = 'new'">已提交，待核实</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'verified'">已核实</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'assigned'">已交街道（镇）处理</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'rectifying'">整改中</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'rectified'">已整改</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'closed'">已办结</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'rejected'">不予受理</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'published'">已审核公开</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'moderated'">已审核公开（部分内容未公开）</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'photo-hidden'">一张照片未公开</xsl:when>
      <xsl:when test="$kind = 'hazard' and $status = 'added'">已补充</xsl:when>
      <!-- training requests -->
      <xsl:when test="$kind = 'training' and $status = 'requested'">已提交，待答复</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'confirmed'">已确认</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'proposed'">建议改期，待您确认</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'accepted'">已同意改期</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'declined'">未能安排</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'cancelled'">已取消</xsl:when>
      <xsl:when test="$kind = 'training' and $status = 'done'">已完成培训</xsl:when>
      <!-- burn-injury aid -->
      <xsl:when test="$kind = 'aid' and $status = 'submitted'">已提交</xsl:when>
      <xsl:when test="$kind = 'aid' and $status = 'reviewing'">审核中</xsl:when>
      <xsl:when test="$kind = 'aid' and $status = 'more-info'">需补充材料</xsl:when>
      <xsl:when test="$kind = 'aid' and $status = 'resubmitted'">已补充材料</xsl:when>
      <xsl:when test="$kind = 'aid' and $status = 'approved'">已批准</xsl:when>
      <xsl:when test="$kind = 'aid' and $status = 'rejected'">未获批准</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An object's history, oldest first. -->
  <xsl:template match="notices">
    <xsl:if test="notice">
      <section class="card notices" aria-labelledby="notices-h">
        <h2 id="notices-h">办理进度</h2>
        <ol class="timeline">
          <xsl:for-each select="notice">
            <li>
              <time><xsl:value-of select="@at"/></time>
              <xsl:text> </xsl:text>
              <strong>
                <xsl:call-template name="notice-status">
                  <xsl:with-param name="kind" select="../@kind"/>
                  <xsl:with-param name="status" select="@status"/>
                </xsl:call-template>
              </strong>
              <xsl:if test="@by">
                <span class="note"><l:m>（<xsl:value-of select="@by"/>）</l:m></span>
              </xsl:if>
              <xsl:if test="@message">
                <p class="notice-message"><xsl:value-of select="@message"/></p>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A signed-in person's newest changes. -->
  <xsl:template match="my-notices">
    <section class="card" aria-labelledby="my-notices-h">
      <h2 id="my-notices-h">我的办事进度</h2>
      <xsl:choose>
        <xsl:when test="notice">
          <ul class="timeline">
            <xsl:for-each select="notice">
              <li>
                <time><xsl:value-of select="@at"/></time>
                <xsl:text> </xsl:text>
                <xsl:call-template name="notice-kind">
                  <xsl:with-param name="kind" select="@kind"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <a>
                  <xsl:attribute name="href">
                    <xsl:call-template name="notice-href">
                      <xsl:with-param name="kind" select="@kind"/>
                      <xsl:with-param name="ref" select="@ref"/>
                      <xsl:with-param name="status" select="@status"/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="@ref"/>
                </a>
                <xsl:text>：</xsl:text>
                <strong>
                  <xsl:call-template name="notice-status">
                    <xsl:with-param name="kind" select="@kind"/>
                    <xsl:with-param name="status" select="@status"/>
                  </xsl:call-template>
                </strong>
                <xsl:if test="@message">
                  <p class="notice-message"><xsl:value-of select="@message"/></p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="note">登录后提交的隐患曝光、培训预约、参观预约和救助申请，办理进度都会显示在这里。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
