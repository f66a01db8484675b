<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-hazard.xsl: one hazard report for the office: what the reporter
  gave (and whom to call), the additions of others, the photos, the
  history with who made each change; the moderation form (what the
  public sees, a photo hidden, the reporter told why) and one form for
  each status this admin may move it to now.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="hazard-names.xsl"/>
  <xsl:import href="notice.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>隐患 <xsl:value-of select="report/@ref"/></l:m></xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'no-text'">请填写公开的描述。</xsl:when>
        <xsl:when test="@code = 'bad-text'">内容最长 1000 个字。</xsl:when>
        <xsl:when test="@code = 'bad-address'">公开的地址只能是一行文字，最长 200 个字。</xsl:when>
        <xsl:when test="@code = 'bad-why'">原因最长 200 个字。</xsl:when>
        <xsl:when test="@code = 'need-why'">公开的内容与报告人写的不同：请填写原因，会告知报告人。</xsl:when>
        <xsl:when test="@code = 'no-region'">请选择交办的镇街。</xsl:when>
        <xsl:when test="@code = 'no-reason'">请选择不予受理的原因。</xsl:when>
        <xsl:when test="@code = 'no-duplicate'">请填写与之重复的那条报告的编号（8 位，不能是本条）。</xsl:when>
        <xsl:when test="@code = 'no-resolution'">请填写整改情况，会公开给报告人和居民。</xsl:when>
        <xsl:when test="@code = 'need-access-why'">请填写查看完整号码的理由。</xsl:when>
        <xsl:when test="@code = 'moved'">这条报告刚刚已被其他人处理，请看最新状态。</xsl:when>
        <xsl:otherwise>不能这样处理这条报告。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:for-each select="report">
      <section class="card">
        <p><a href="/admin/hazards">返回隐患列表</a></p>
        <h1><l:m>隐患 <span class="join-code"><xsl:value-of select="@ref"/></span></l:m></h1>
        <xsl:apply-templates select="/page/error"/>
        <dl class="facts">
          <dt>类别</dt><dd><xsl:call-template name="hazard-category"/></dd>
          <dt>状态</dt><dd class="hazard-status {@status}"><l:m><xsl:call-template name="hazard-status"/>（<xsl:call-template name="hazard-waiting"/>）</l:m></dd>
          <dt>镇街</dt><dd><xsl:value-of select="@region"/><xsl:if test="@assigned-region and @assigned-region != @region"><l:m>，交办 <xsl:value-of select="@assigned-region"/></l:m></xsl:if></dd>
          <dt>位置</dt><dd>
            <xsl:value-of select="@address"/>
            <xsl:if test="@lng"><xsl:if test="@address">，</xsl:if><l:m>定位 <xsl:value-of select="@lat"/>, <xsl:value-of select="@lng"/></l:m></xsl:if>
          </dd>
          <dt>提交时间</dt><dd><xsl:value-of select="@at"/></dd>
          <dt>报告人</dt><dd>
            <xsl:value-of select="@contact-name"/>
            <xsl:if test="@contact-phone"><xsl:text> </xsl:text>
              <xsl:choose>
                <xsl:when test="@shown"><a href="tel:{@contact-phone}"><xsl:value-of select="@contact-phone"/></a></xsl:when>
                <xsl:otherwise><span class="nowrap"><xsl:value-of select="@contact-phone"/></span></xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:if test="not(@contact-name) and not(@contact-phone)">未留联系方式</xsl:if>
          </dd>
          <xsl:if test="@status = 'rejected'">
            <dt>不予受理</dt><dd><xsl:call-template name="hazard-reject-reason"/><xsl:if test="@duplicate-of">：<xsl:value-of select="@duplicate-of"/></xsl:if></dd>
          </xsl:if>
          <xsl:if test="@resolution"><dt>整改情况</dt><dd class="hazard-text"><xsl:value-of select="@resolution"/></dd></xsl:if>
        </dl>
        <xsl:if test="not(@shown) and (@contact-phone or additions/addition/@phone)">
          <form method="post" action="/admin/hazards/{@id}/show" class="inline-form">
            <xsl:call-template name="csrf"/>
            <label>查看完整手机号的理由
              <input name="why" type="text" maxlength="200" required="required" placeholder="例如：电话核实隐患位置"/></label>
            <button type="submit" class="button secondary small">查看完整号码</button>
            <span class="note">（每次查看都会记录）</span>
          </form>
        </xsl:if>
        <h2>报告人描述</h2>
        <p class="hazard-text"><xsl:value-of select="@description"/></p>
        <xsl:if test="photos/photo">
          <div class="hazard-photos">
            <xsl:for-each select="photos/photo">
              <figure>
                <a href="/admin/hazards/photos/{@id}"><img src="/admin/hazards/photos/{@id}" width="{@width}" height="{@height}" alt="照片 {position()}" loading="lazy"/></a>
                <figcaption class="note">
                  <xsl:if test="@addition">补充 · </xsl:if>
                  <xsl:choose>
                    <xsl:when test="@hidden = 1">未公开：<xsl:value-of select="@reason"/></xsl:when>
                    <xsl:otherwise>公开</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="../../@may-moderate">
                    <form method="post" action="/admin/hazards/photos/{@id}" class="inline">
                      <xsl:call-template name="csrf"/>
                      <xsl:choose>
                        <xsl:when test="@hidden = 1"><button type="submit" class="small">恢复公开</button></xsl:when>
                        <xsl:otherwise>
                          <input type="hidden" name="hidden" value="1"/>
                          <input name="why" type="text" maxlength="200" required="required" placeholder="不公开的原因" aria-label="不公开的原因"/>
                          <button type="submit" class="small">不公开</button>
                        </xsl:otherwise>
                      </xsl:choose>
                    </form>
                  </xsl:if>
                </figcaption>
              </figure>
            </xsl:for-each>
          </div>
        </xsl:if>
        <xsl:if test="additions/addition">
          <h2><l:m>其他居民的补充（<xsl:value-of select="count(additions/addition)"/>）</l:m></h2>

          <ul class="hazard-list">
            <xsl:for-each select="additions/addition">
              <li><span class="note"><xsl:value-of select="@at"/><xsl:if test="@phone"> · <xsl:choose><xsl:when test="../../@shown"><a href="tel:{@phone}"><xsl:value-of select="@phone"/></a></xsl:when><xsl:otherwise><xsl:value-of select="@phone"/></xsl:otherwise></xsl:choose></xsl:if></span>
                <p class="hazard-text"><xsl:value-of select="@description"/></p></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </section>
      <xsl:if test="@may-moderate">
        <section class="card" aria-labelledby="mod-h">
          <h2 id="mod-h">公开内容<xsl:if test="@moderated = 0">（尚未公开）</xsl:if></h2>
          <p class="note">公开前请隐去电话、姓名、身份证号等个人信息。下面已自动隐去 7 位以上的数字，请再检查一遍。与报告人原文不同时须写明原因，会告知报告人。</p>
          <form method="post" action="/admin/hazards/{@id}/moderate" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field"><span class="field-label">公开的描述</span>
              <textarea name="text" rows="5" maxlength="1000" required="required">
                <xsl:choose>
                  <xsl:when test="@moderated = 1"><xsl:value-of select="@public-text"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@suggested"/></xsl:otherwise>
                </xsl:choose>
              </textarea></label>
            <label class="field"><span class="field-label">公开的地址（可不填）</span>
              <input name="address" type="text" maxlength="200">
                <xsl:attribute name="value"><xsl:choose><xsl:when test="@moderated = 1"><xsl:value-of select="@public-address"/></xsl:when><xsl:otherwise><xsl:value-of select="@address"/></xsl:otherwise></xsl:choose></xsl:attribute>
              </input></label>
            <label class="field"><span class="field-label">改动原因（告知报告人）</span>
              <input name="why" type="text" maxlength="200" placeholder="例如：为保护个人信息，已隐去电话号码"/></label>
            <button type="submit" class="button">保存并公开</button>
          </form>
        </section>
      </xsl:if>
      <xsl:if test="move">
        <section class="card" aria-labelledby="move-h">
          <h2 id="move-h">办理</h2>
          <xsl:for-each select="move">
            <form method="post" action="/admin/hazards/{../@id}/status" class="form move">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="status" value="{@to}"/>
              <xsl:choose>
                <xsl:when test="@to = 'assigned'">
                  <label class="field"><span class="field-label">交办镇街</span>
                    <select name="region" required="required">
                      <xsl:for-each select="/page/regions/region">
                        <option value="{@id}"><xsl:if test="@id = current()/../@region-id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
                      </xsl:for-each>
                    </select></label>
                  <button type="submit" class="button">交办</button>
                </xsl:when>
                <xsl:when test="@to = 'rejected'">
                  <label class="field"><span class="field-label">不予受理的原因</span>
                    <select name="reason" required="required">
                      <option value="duplicate">与已有报告重复</option>
                      <option value="invalid">不属于消防安全隐患或信息不实</option>
                    </select></label>
                  <label class="field"><span class="field-label">重复的报告编号（重复时填写）</span>
                    <input name="duplicate" type="text" maxlength="8"/></label>
                  <label class="field"><span class="field-label">说明（告知报告人；信息不实时必填）</span>
                    <input name="text" type="text" maxlength="1000"/></label>
                  <l:m><button type="submit" class="button secondary">不予受理</button></l:m>

                </xsl:when>
                <xsl:when test="@to = 'rectified'">
                  <label class="field"><span class="field-label">整改情况（公开）</span>
                    <textarea name="text" rows="3" maxlength="1000" required="required"></textarea></label>
                  <button type="submit" class="button">整改完成</button>
                </xsl:when>
                <xsl:otherwise>
                  <label class="field"><span class="field-label">说明（可不填，告知报告人）</span>
                    <input name="text" type="text" maxlength="1000"/></label>
                  <button type="submit" class="button">
                    <xsl:choose>
                      <xsl:when test="@to = 'verified'">核实属实</xsl:when>
                      <xsl:when test="@to = 'rectifying' and ../@status = 'rectified'">验收未通过，继续整改</xsl:when>
                      <xsl:when test="@to = 'rectifying'">开始整改</xsl:when>
                      <xsl:when test="@to = 'closed'">验收办结</xsl:when>
                    </xsl:choose>
                  </button>
                </xsl:otherwise>
              </xsl:choose>
            </form>
          </xsl:for-each>
        </section>
      </xsl:if>
    </xsl:for-each>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
